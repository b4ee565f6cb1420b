package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.model.User;
import io.github.bulklazy.model.UserInfo;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An inverse {@code @OneToOne(mappedBy = ...)}: Hibernate loads each owner's counterpart by unique
 * key as it reads the owner's row, bulk-lazy those of the whole result after its rows. Users 7, 8
 * and 10 own the infos 1, 2 and 3 ({@code User.userInfo}); each test adds info 4, which no user
 * owns, in its own rolled-back transaction.
 */
class InverseOneToOneTests {

	/** The infos and their users, after the statements that set up the work. */
	private static Function<EntityManager, List<Object>> infos(Fixture fixture, Function<EntityManager, ?> before) {
		return (entityManager) -> {
			entityManager.persist(new UserInfo(4L, "info 4"));
			entityManager.flush();
			entityManager.clear();
			before.apply(entityManager);
			fixture.statementsSinceMark();
			List<Object> trace = new ArrayList<>();
			for (UserInfo info : entityManager.createQuery("from UserInfo i order by i.id", UserInfo.class)
				.getResultList()) {
				trace.add(info.getDetails() + ":" + ((info.getUser() != null) ? info.getUser().getName() : "-"));
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theCounterpartsOfAQueryLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = infos(fixture, (entityManager) -> null);
		assertThat(fixture.sameAsPlain(work)).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck", "info 4:-",
				1 + 1);
		assertThat(fixture.plain(work).value()).endsWith(1 + 4);
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().equals("UserInfo.user"))
			.extracting(Association::kind, Association::mode)
			.containsExactly(tuple(Kind.EAGER_TO_ONE, Mode.BULK));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theCounterpartsLoadInChunks(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = infos(fixture, (entityManager) -> null);
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 2), Map.of())) {
			assertThat(fixture.run(factory, work).value()).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck",
					"info 4:-", 1 + 2);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aCounterpartTheSessionHoldsIsNotSelectedAgain(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = infos(fixture,
				(entityManager) -> entityManager.find(User.class, 8L));
		assertThat(fixture.sameAsPlain(work)).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck", "info 4:-",
				1 + 1);
		assertThat(fixture.plain(work).value()).endsWith(1 + 3);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aCounterpartChangedBeforeTheQueryIsTheOneItReads(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = infos(fixture, (entityManager) -> {
			User user = entityManager.find(User.class, 9L);
			user.setUserInfo(entityManager.find(UserInfo.class, 4L));
			entityManager.flush();
			entityManager.clear();
			return user;
		});
		assertThat(fixture.sameAsPlain(work)).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck",
				"info 4:fred", 1 + 1);
	}

}
