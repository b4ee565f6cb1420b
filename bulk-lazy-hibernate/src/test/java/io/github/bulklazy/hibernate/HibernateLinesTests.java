package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.model.PetOwner;
import io.github.bulklazy.model.Player;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Version;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.SqlTypedMapping;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.results.spi.ResultsConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hibernate line decides how collections are selected, at start-up; a Hibernate whose
 * internals bulk-lazy cannot build its loaders from leaves the factory to plain Hibernate.
 */
@ExtendWith(OutputCaptureExtension.class)
class HibernateLinesTests {

	@Test
	void theStartUpLogSaysWhichArraySelectTheRunningHibernateGets(CapturedOutput output) {
		Fixture fixture = Fixture.on(TestDatabase.POSTGRESQL);
		try (EntityManagerFactory factory = fixture.factory(BulkLazySettings.defaults(), Map.of())) {
			String version = Version.getVersionString();
			String shape = version.startsWith("7.4.") ? "Hibernate 7.4"
					: version.startsWith("6.6.") ? "Hibernate 6.6" : "Hibernate 7.1 to 7.3";
			assertThat(output.getOut()).contains("bulk-lazy: Hibernate " + Version.getVersionString()
					+ ", collections load by one array parameter through the " + shape + " API");
		}
	}

	@Test
	void loadersThatCannotBeBuiltLeaveEveryAssociationToPlainHibernate(CapturedOutput output) {
		Fixture fixture = Fixture.on(TestDatabase.POSTGRESQL);
		BulkLazyPlans plans = new BulkLazyPlans();
		BulkLazyIntegrator integrator = new BulkLazyIntegrator(BulkLazySettings.defaults(), plans, "broken",
				MissingApi::new);
		try (EntityManagerFactory factory = fixture.factoryWith(integrator, Map.of())) {
			assertThat(output.getOut()).contains("bulk-lazy: off for broken on Hibernate " + Version.getVersionString()
					+ ", every association is loaded by plain Hibernate: its loaders cannot be built "
					+ "(java.lang.NoSuchMethodError: an API of another Hibernate line)");
			BulkLazyPlan plan = plans.all().get(0);
			assertThat(plan.associations()).extracting(Association::mode).doesNotContain(Mode.BULK);
			assertThat(plan.associations()).filteredOn((association) -> association.name().equals("Student.courses"))
				.extracting(Association::reason)
				.containsExactly(Reason.HIBERNATE_VERSION);
			Function<EntityManager, List<Object>> work = (entityManager) -> {
				List<Object> trace = new ArrayList<>();
				for (Student student : Fixture.students(entityManager)) {
					trace.add(student.getSchool().getName());
					trace.add(student.getCourses().size());
				}
				// EAGER to-ones, by id and by unique key: deferred only by a started engine
				entityManager.createQuery("from Player p order by p.id", Player.class)
					.getResultList()
					.forEach((player) -> trace.add((player.getSchool() != null) ? player.getSchool().getName() : "-"));
				entityManager.createQuery("from PetOwner o order by o.id", PetOwner.class)
					.getResultList()
					.forEach((owner) -> trace.add(owner.getSchoolByCode().getName()));
				return trace;
			};
			var run = fixture.run(factory, work);
			assertThat(run.value()).isEqualTo(fixture.plain(work).value());
			assertThat(run.statements()).isEqualTo(fixture.plain(work).statements());
		}
	}

	/** The array select of a Hibernate whose internal API changed. */
	private static final class MissingApi implements ArraySelect {

		@Override
		public JdbcMapping arrayMapping(JdbcMapping columnMapping, Class<?> keyType,
				SessionFactoryImplementor factory) {
			throw new NoSuchMethodError("an API of another Hibernate line");
		}

		@Override
		public SqlTypedMapping parameterType(SelectableMapping column, JdbcMapping arrayMapping) {
			throw new NoSuchMethodError("an API of another Hibernate line");
		}

		@Override
		public SelectStatement select(PluralAttributeMapping attribute, LoadQueryInfluencers influencers,
				JdbcParameter parameter, SessionFactoryImplementor factory) {
			throw new NoSuchMethodError("an API of another Hibernate line");
		}

		@Override
		public SelectStatement select(EntityMappingType entity, BasicValuedModelPart column,
				LoadQueryInfluencers influencers, JdbcParameter parameter, SessionFactoryImplementor factory) {
			throw new NoSuchMethodError("an API of another Hibernate line");
		}

		@Override
		public <T> T execute(Object translated, JdbcParameterBindings bindings, ExecutionContext context, int keys,
				ResultsConsumer<T, Object> consumer, SessionFactoryImplementor factory) {
			throw new NoSuchMethodError("an API of another Hibernate line");
		}

		@Override
		public String shape() {
			return "missing";
		}

	}

}
