package io.github.bulklazy.hibernate.planning;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.model.School;
import io.github.bulklazy.testsupport.Fixture;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.SQLSelect;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.dialect.H2Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback rules, read on a boot model alone, without a database or a session factory: one
 * case for each reason the planner leaves an association to plain Hibernate.
 */
class FallbackRulesTests {

	/** The test model, and the mappings of this class that no test of a database needs. */
	private static final Metadata BOOT_MODEL = bootModel();

	/** Reasons that are not the planner's: the user's choice, and the running Hibernate's API. */
	private static final Set<Reason> NOT_MAPPING_RULES = EnumSet.of(Reason.EXCLUDED, Reason.HIBERNATE_VERSION);

	static Stream<Arguments> mappings() {
		return Stream.of(Arguments.of("Teacher.courses", Reason.BATCH_SIZE),
				Arguments.of("District.schools", Reason.SUBSELECT),
				Arguments.of("LoaderHolder.loaded", Reason.CUSTOM_LOADER),
				Arguments.of("CodeHolder.items", Reason.NON_PRIMARY_KEY_JOIN),
				Arguments.of("PairOwner.counterpart", Reason.INVERSE_ONE_TO_ONE),
				Arguments.of("Ticket.seat", Reason.ASSOCIATION_IN_TARGET_ID),
				Arguments.of("Shelter.owners", Reason.MIXED_PROXY_TYPES),
				Arguments.of("Member.membership.pet", Reason.EAGER),
				Arguments.of("CachedOwner.school", Reason.CACHED_OWNER),
				Arguments.of("Campus.mainCampus", Reason.OWNER_ACCESS),
				Arguments.of("Player.mascot", Reason.LAZILY_REACHED_HIERARCHY),
				Arguments.of("Campus", Reason.ENHANCED_EAGER_TARGET),
				Arguments.of("District.visits.district", Reason.ELEMENTS_LEFT_TO_HIBERNATE));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("mappings")
	void aMappingBulkLazyCannotLoadFallsBackWithItsReason(String association, Reason reason) {
		assertThat(find(plan(0, true, true, true), association)).extracting(Association::mode, Association::reason)
			.containsExactly(Mode.FALLBACK, reason);
	}

	@Test
	void theDefaultBatchFetchSizeLeavesEveryAssociationToHibernatesBatchFetching() {
		assertThat(find(plan(16, true, true, true), "Student.school").reason())
			.isEqualTo(Reason.DEFAULT_BATCH_FETCH_SIZE);
		assertThat(find(plan(16, true, true, true), "Student.courses").reason())
			.isEqualTo(Reason.DEFAULT_BATCH_FETCH_SIZE);
	}

	@Test
	void toOnesLoadedWithTheirOwnerNeedBulkLazysPersistersAndALineItDefersThemOn() {
		assertThat(find(plan(0, true, false, true), "Player.school").reason()).isEqualTo(Reason.CUSTOM_PERSISTER);
		assertThat(find(plan(0, true, true, false), "Player.school").reason()).isEqualTo(Reason.HIBERNATE_6);
	}

	@Test
	void enhancedProxiesNeedBulkLazysBatchLoaderFactory() {
		assertThat(find(plan(0, false, true, true), "Pupil.academy").reason()).isEqualTo(Reason.ENHANCED_PROXY);
	}

	@Test
	void withoutAnyRuleThatAppliesTheSameKindsOfAssociationAreBulkLoaded() {
		List<Association> plan = plan(0, true, true, true);
		for (String name : List.of("Student.school", "Student.courses", "Player.school", "Pupil.academy",
				"PetOwner.schoolByCode", "Student")) {
			assertThat(find(plan, name).mode()).as(name).isEqualTo(Mode.BULK);
		}
	}

	@Test
	void everyReasonOfTheMappingHasACase() {
		Set<Reason> covered = EnumSet.copyOf(NOT_MAPPING_RULES);
		mappings().forEach((arguments) -> covered.add((Reason) arguments.get()[1]));
		covered.addAll(List.of(Reason.DEFAULT_BATCH_FETCH_SIZE, Reason.CUSTOM_PERSISTER, Reason.HIBERNATE_6,
				Reason.ENHANCED_PROXY));
		assertThat(covered).containsExactlyInAnyOrder(Reason.values());
	}

	private static List<Association> plan(int defaultBatchFetchSize, boolean enhancedProxiesLoadable,
			boolean standardPersisters, boolean defersLoadedWithOwner) {
		return new AssociationPlanner(BulkLazySettings.defaults(), defaultBatchFetchSize, enhancedProxiesLoadable,
				standardPersisters, defersLoadedWithOwner, BOOT_MODEL)
			.plan();
	}

	private static Association find(List<Association> plan, String name) {
		return plan.stream()
			.filter((association) -> association.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no association " + name));
	}

	private static Metadata bootModel() {
		var registry = new StandardServiceRegistryBuilder().applySetting("hibernate.dialect", H2Dialect.class.getName())
			.applySetting("hibernate.boot.allow_jdbc_metadata_access", false)
			.build();
		MetadataSources sources = new MetadataSources(registry);
		Fixture.ENTITIES.forEach(sources::addAnnotatedClass);
		List.of(LoaderHolder.class, Loaded.class, CodeHolder.class, CodedItem.class, PairOwner.class, Counterpart.class,
				CachedOwner.class)
			.forEach(sources::addAnnotatedClass);
		return sources.buildMetadata();
	}

	@Entity(name = "Loaded")
	@SQLSelect(sql = "select * from Loaded where id = ?")
	static class Loaded {

		@Id
		Long id;

	}

	@Entity(name = "LoaderHolder")
	static class LoaderHolder {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		Loaded loaded;

	}

	@Entity(name = "CodeHolder")
	static class CodeHolder {

		@Id
		Long id;

		@Column(unique = true)
		String code;

		@OneToMany
		@JoinColumn(name = "holder_code", referencedColumnName = "code")
		Set<CodedItem> items;

	}

	@Entity(name = "CodedItem")
	static class CodedItem {

		@Id
		Long id;

	}

	@Embeddable
	static class PairId implements Serializable {

		Long first;

		Long second;

	}

	@Entity(name = "PairOwner")
	static class PairOwner {

		@EmbeddedId
		PairId id;

		@OneToOne(mappedBy = "owner")
		Counterpart counterpart;

	}

	@Entity(name = "Counterpart")
	static class Counterpart {

		@Id
		Long id;

		@OneToOne
		@JoinColumns({ @JoinColumn(name = "owner_first", referencedColumnName = "first"),
				@JoinColumn(name = "owner_second", referencedColumnName = "second") })
		PairOwner owner;

	}

	@Entity(name = "CachedOwner")
	@Cacheable
	@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
	static class CachedOwner {

		@Id
		Long id;

		@ManyToOne
		School school;

	}

}
