package io.github.bulklazy.autoconfigure;

import io.github.bulklazy.hibernate.ReflectiveAccess;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image of an application with bulk-lazy needs beyond what Spring and Hibernate
 * register: reflective access to the Hibernate API bulk-lazy probes to find the running line and to
 * its service contributor, and the service files through which both are found.
 */
class BulkLazyRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String type : ReflectiveAccess.classes()) {
			hints.reflection()
				.registerTypeIfPresent(classLoader, type, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
						MemberCategory.INVOKE_PUBLIC_METHODS);
		}
		ReflectiveAccess.serviceFiles().forEach(hints.resources()::registerPattern);
	}

}
