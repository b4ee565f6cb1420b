package io.github.bulklazy.autoconfigure;

import java.util.List;

import org.hibernate.loader.ast.internal.MultiKeyLoadHelper;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.sql.exec.spi.JdbcSelectExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The hints Spring AOT records for a native image, found through {@code META-INF/spring/aot.factories}. */
class BulkLazyRuntimeHintsTests {

	@Test
	void hibernatesApiTheProbesCallAndTheServiceFilesAreReachable() {
		RuntimeHints hints = new RuntimeHints();
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(BulkLazyRuntimeHints.class);
		registrars.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		for (Class<?> type : List.of(SelectableMapping.class, MultiKeyLoadHelper.class, JdbcSelectExecutor.class)) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS))
				.as(type.getName())
				.accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("META-INF/services/org.hibernate.service.spi.ServiceContributor")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("META-INF/services/io.github.bulklazy.hibernate.RemainingNPlusOneListener")).accepts(hints);
	}

}
