package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.bulklazy.enhanced.Academy;
import io.github.bulklazy.enhanced.Pupil;
import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.loader.ast.internal.StandardBatchLoaderFactory;
import org.hibernate.loader.ast.spi.BatchLoaderFactory;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Bytecode-enhanced entities: Hibernate uses an enhanced entity without subclasses as its own
 * proxy and initializes it without a load event, through the entity's batch loader. The 30
 * pupils reach academies 1 to 6 through {@code academy} (every seventh none) and 1 to 8 through
 * {@code formerAcademy} (every fourth none); academy 9 has no pupil.
 */
class EnhancedEntityTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void enhancedProxiesOfAToOneLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		assertThat(PersistentAttributeInterceptable.class).isAssignableFrom(Pupil.class)
			.isAssignableFrom(Academy.class);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Pupil> pupils = pupils(entityManager);
			observed.value("enhanced proxy: " + (!Hibernate.isInitialized(pupils.get(0).getAcademy())
					&& !(pupils.get(0).getAcademy() instanceof HibernateProxy)));
			for (Pupil pupil : pupils) {
				observed.value(pupil.getName() + ":" + name(pupil.getAcademy()));
			}
			observed.countStatements();
		};
		AssociationStatistics statistics = fixture.bulkPlan().statistics(association(fixture, "Pupil.academy"));
		long batches = statistics.batches();
		long saved = statistics.queriesSaved();
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 6);
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).contains("enhanced proxy: true", "Pupil 1:Academy 2", "Pupil 7:-",
				"Pupil 30:Academy 1");
		assertThat(observed.statements()).as("the pupils, then their academies").containsExactly(2);
		assertThat(statistics.batches() - batches).isEqualTo(1);
		assertThat(statistics.queriesSaved() - saved).as("academies 1 to 8, former ones included, in 1 statement")
			.isEqualTo(7);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void enhancedProxiesReachedThroughTwoAssociationsLoadTogether(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			for (Pupil pupil : pupils(entityManager)) {
				observed.value(pupil.getName() + ":" + name(pupil.getFormerAcademy()) + "/" + name(pupil.getAcademy()));
			}
			observed.countStatements();
		};
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 8);
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).contains("Pupil 1:Academy 2/Academy 2", "Pupil 4:-/Academy 5");
		assertThat(observed.statements()).as("the pupils, then the academies of both associations")
			.containsExactly(2);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void enhancedReferencesLoadTogetherAndAMissingOneFailsAsInPlainHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Academy> academies = new ArrayList<>();
			for (long id : new long[] { 99, 1, 2, 3, 9 }) {
				academies.add(entityManager.getReference(Academy.class, id));
			}
			for (Academy academy : academies) {
				try {
					observed.value(academy.getName());
				}
				catch (RuntimeException ex) {
					observed.value(ex.getClass().getSimpleName());
				}
			}
			observed.countStatements();
		};
		assertThat(fixture.plain(work).statements()).containsExactly(5);
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("EntityNotFoundException", "Academy 1", "Academy 2", "Academy 3",
				"Academy 9");
		assertThat(observed.statements()).containsExactly(2);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void enhancedProxiesSurviveAFlushAndBulkLoadedOnesAreWrittenWhenChanged(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Pupil> pupils = pupils(entityManager);
			entityManager.find(Academy.class, 9L).setName("Academy nine");
			entityManager.flush();
			pupils.forEach((pupil) -> observed.value(name(pupil.getAcademy())));
			pupils.get(0).getAcademy().setName("Renamed");
			observed.value(Hibernate.isInitialized(pupils.get(2).getAcademy()));
			entityManager.flush();
			observed.value(entityManager.createNativeQuery("select name from bl_academy where id in (2, 9) order by id")
				.getResultList());
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).contains("Academy 2", true, List.of("Renamed", "Academy nine"));
		assertThat(observed.statements()).containsExactly(1 + 1 + 1 + 1 + 1 + 1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void anEnhancedProxyHoldingAValueSetWithoutLoadingItIsNoPeer(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Pupil> pupils = pupils(entityManager);
			Academy third = pupils.get(1).getAcademy();
			third.setName("Set without loading");
			observed.value(Hibernate.isInitialized(third));
			observed.value(name(pupils.get(0).getAcademy()));
			observed.value(third.getName());
			observed.value(Hibernate.isInitialized(third));
			entityManager.flush();
			observed.value(entityManager.createNativeQuery("select name from bl_academy where id = 3").getSingleResult());
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly(false, "Academy 2", "Set without loading", false,
				"Set without loading");
		assertThat(observed.statements()).containsExactly(1 + 1 + 1 + 1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void collectionsOfEnhancedEntitiesLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			for (Academy academy : entityManager.createQuery("from Academy a order by a.id", Academy.class)
				.getResultList()) {
				observed.value(academy.getName() + ":" + academy.getPupils().stream().map(Pupil::getName).toList());
			}
			observed.countStatements();
		};
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 9);
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).contains("Academy 9:[]");
		assertThat(observed.statements()).as("the academies, then their pupils").containsExactly(2);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void enhancedTargetsOfAnEagerToOneOrACompositeIdStayWithHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		assertThat(fixture.bulkPlan().associations())
			.filteredOn((association) -> association.name().startsWith("Academy")
					|| association.name().startsWith("Pupil"))
			.extracting(Association::name, Association::mode)
			.containsExactlyInAnyOrder(tuple("Academy", Mode.BULK), tuple("Academy.pupils", Mode.BULK),
					tuple("Academy.partners", Mode.BULK), tuple("Pupil", Mode.BULK), tuple("Pupil.academy", Mode.BULK),
					tuple("Pupil.formerAcademy", Mode.BULK));
		assertThat(fixture.bulkPlan().associations())
			.filteredOn((association) -> association.name().startsWith("Campus") || association.name().equals("Room")
					|| association.name().equals("Booking"))
			.extracting(Association::name, Association::kind, Association::mode, Association::reason)
			.containsExactlyInAnyOrder(tuple("Campus", Kind.REFERENCE, Mode.FALLBACK, Reason.ENHANCED_EAGER_TARGET),
					tuple("Campus.mainCampus", Kind.EAGER_TO_ONE, Mode.FALLBACK, Reason.OWNER_ACCESS),
					tuple("Room", Kind.REFERENCE, Mode.FALLBACK, Reason.ENHANCED_EAGER_TARGET),
					tuple("Booking", Kind.REFERENCE, Mode.BULK, null));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void withoutBulkLazysBatchLoaderFactoryEnhancedProxiesStayWithHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		BulkLazyIntegrator integrator = new BulkLazyIntegrator(BulkLazySettings.defaults(), plans, null);
		IntegratorProvider another = () -> List.<Integrator>of(integrator);
		try (EntityManagerFactory factory = fixture.factoryWith(null,
				Map.of("hibernate.integrator_provider", another))) {
			assertThat(plans.all().get(0).associations())
				.filteredOn((association) -> association.name().startsWith("Pupil.")
						|| association.name().startsWith("Academy") || association.name().equals("Building")
						|| association.name().equals("Library"))
				.extracting(Association::name, Association::mode, Association::reason)
				.containsExactlyInAnyOrder(tuple("Academy", Mode.FALLBACK, Reason.ENHANCED_PROXY),
						tuple("Academy.pupils", Mode.BULK, null), tuple("Academy.partners", Mode.BULK, null),
						tuple("Building", Mode.BULK, null), tuple("Library", Mode.BULK, null),
						tuple("Pupil.academy", Mode.FALLBACK, Reason.ENHANCED_PROXY),
						tuple("Pupil.formerAcademy", Mode.FALLBACK, Reason.ENHANCED_PROXY));
			Function<EntityManager, List<Object>> work = (entityManager) -> pupils(entityManager).stream()
				.<Object>map((pupil) -> name(pupil.getAcademy()))
				.toList();
			assertThat(factory.unwrap(SessionFactoryImplementor.class)
				.getServiceRegistry()
				.requireService(BatchLoaderFactory.class)).isInstanceOf(StandardBatchLoaderFactory.class);
			var run = fixture.run(factory, work);
			assertThat(run.value()).isEqualTo(fixture.plain(work).value());
			assertThat(run.statements()).isEqualTo(1 + 6);
		}
	}

	@Test
	void theBootModelKeepsItsBatchSizesOnceThePersistersAreBuilt() {
		BulkLazyIntegratorProvider provider = new BulkLazyIntegratorProvider();
		BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder();
		provider.getIntegrators().forEach(bootstrap::applyIntegrator);
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap.build())
			.applySetting(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:h2:mem:boot-model;DB_CLOSE_DELAY=-1")
			.applySetting(AvailableSettings.HBM2DDL_AUTO, "create-drop")
			.applySetting(JpaSettings.INTEGRATOR_PROVIDER, provider)
			.build();
		try {
			Metadata metadata = new MetadataSources(registry).addAnnotatedClasses(Academy.class, Pupil.class)
				.buildMetadata();
			int declared = metadata.getEntityBinding(Academy.class.getName()).getBatchSize();
			try (SessionFactoryImplementor factory = metadata.buildSessionFactory()
				.unwrap(SessionFactoryImplementor.class)) {
				assertThat(factory.getMappingMetamodel().getEntityDescriptor(Academy.class).getBatchSize())
					.as("the persister bulk-lazy's loader factory gave a loader").isEqualTo(2);
				assertThat(metadata.getEntityBinding(Academy.class.getName()).getBatchSize())
					.as("the boot model, for any other factory built from it").isEqualTo(declared).isNotEqualTo(2);
			}
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
		}
	}

	private static List<Pupil> pupils(EntityManager entityManager) {
		return entityManager.createQuery("from Pupil p order by p.id", Pupil.class).getResultList();
	}

	private static String name(Academy academy) {
		return (academy != null) ? academy.getName() : "-";
	}

	private static Association association(Fixture fixture, String name) {
		return fixture.bulkPlan().associations()
			.stream()
			.filter((association) -> association.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
