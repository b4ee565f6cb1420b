package io.github.bulklazy.hibernate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.hibernate.internal.HibernateAccess;
import io.github.bulklazy.hibernate.planning.ChunkSizes;
import io.github.bulklazy.model.PetOwner;
import io.github.bulklazy.model.Player;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Version;
import org.hibernate.dialect.H2Dialect;
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
				() -> failingWhen((method, arguments) -> method.getName().endsWith("Loader")
						|| method.getName().equals("keySelect")));
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

	@Test
	void aLoaderThatCannotBeBuiltOnFirstUseLeavesItsGroupToPlainHibernate(CapturedOutput output) {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		BulkLazyPlans plans = new BulkLazyPlans();
		// the loaders of the largest chunk, built at start-up, link; those of smaller chunks do not
		BulkLazyIntegrator integrator = new BulkLazyIntegrator(BulkLazySettings.defaults(), plans, "first-use",
				() -> failingWhen((method, arguments) -> method.getName().equals("entityLoader")
						&& (int) arguments[0] < ChunkSizes.defaultFor(new H2Dialect())));
		try (EntityManagerFactory factory = fixture.factoryWith(integrator, Map.of())) {
			Function<EntityManager, List<Object>> work = (entityManager) -> {
				List<Object> trace = new ArrayList<>();
				Fixture.students(entityManager).forEach((student) -> trace.add(student.getSchool().getName()));
				// the EAGER to-one into the same entity: each target loads as Hibernate loads it, none is lost
				entityManager.createQuery("from Player p order by p.id", Player.class)
					.getResultList()
					.forEach((player) -> trace.add((player.getSchool() != null) ? player.getSchool().getName() : "-"));
				return trace;
			};
			var run = fixture.run(factory, work);
			var plain = fixture.plain(work);
			assertThat(run.value()).isEqualTo(plain.value());
			assertThat(run.statements()).isEqualTo(plain.statements()).isGreaterThan(2);
			assertThat(output.getOut()).contains("bulk-lazy: " + School.class.getName()
					+ " is loaded by plain Hibernate from now on: its loader cannot be built "
					+ "(java.lang.NoSuchMethodError: an API of another Hibernate line)");
			BulkLazyPlan plan = plans.all().get(0);
			Association schools = plan.associations()
				.stream()
				.filter((association) -> association.name().equals("Student.school"))
				.findFirst()
				.orElseThrow();
			assertThat(plan.statistics(schools).batches()).isZero();
			assertThat(plan.statistics(schools).fallbacks()).as("the read that met the failing loader").isOne();
		}
	}

	/**
	 * The running Hibernate's access, but the calls the condition picks link to an API of another
	 * line: they fail as a method missing from the running Hibernate would.
	 */
	private static HibernateAccess failingWhen(BiPredicate<Method, Object[]> condition) {
		HibernateAccess running = HibernateAccess.forRunningHibernate();
		return (HibernateAccess) Proxy.newProxyInstance(HibernateAccess.class.getClassLoader(),
				new Class<?>[] { HibernateAccess.class }, (proxy, method, arguments) -> {
					if (condition.test(method, arguments)) {
						throw new NoSuchMethodError("an API of another Hibernate line");
					}
					try {
						return method.invoke(running, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
