package io.github.bulklazy.hibernate.loading;

import org.hibernate.bytecode.enhance.spi.interceptor.EnhancementAsProxyLazinessInterceptor;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two kinds of proxy Hibernate makes: a {@link HibernateProxy}, and a bytecode-enhanced
 * entity used as its own proxy (an enhanced entity outside any inheritance hierarchy), which holds
 * only its id until it is read.
 */
final class Proxies {

	private Proxies() {
	}

	/**
	 * An uninitialized proxy: the entity name it was made for, its id, and whether it is an
	 * enhanced entity.
	 */
	record Waiting(String entityName, Object id, boolean enhanced) {
	}

	/** The value as an uninitialized proxy of either kind, or {@code null}. */
	static @Nullable Waiting waiting(@Nullable Object value) {
		if (value instanceof HibernateProxy proxy) {
			LazyInitializer initializer = proxy.getHibernateLazyInitializer();
			return initializer.isUninitialized()
					? new Waiting(initializer.getEntityName(), initializer.getInternalIdentifier(), false) : null;
		}
		EnhancementAsProxyLazinessInterceptor interceptor = enhancedProxyInterceptor(value);
		return (interceptor != null) ? new Waiting(interceptor.getEntityName(), interceptor.getIdentifier(), true)
				: null;
	}

	/** Whether the value is an enhanced entity that is still only a proxy of itself. */
	static boolean isUninitializedEnhancedEntity(@Nullable Object value) {
		return enhancedProxyInterceptor(value) != null;
	}

	/**
	 * Whether the value is an enhanced entity, still a proxy of itself, that holds values the
	 * application set without loading it (Hibernate allows it with inline dirty tracking and
	 * {@code @DynamicUpdate}, without a version): Hibernate puts them back only when that entity
	 * itself is read, so it must not be loaded as another's peer.
	 */
	static boolean holdsUnloadedChanges(@Nullable Object value) {
		EnhancementAsProxyLazinessInterceptor interceptor = enhancedProxyInterceptor(value);
		return interceptor != null && interceptor.hasWrittenFieldNames();
	}

	private static @Nullable EnhancementAsProxyLazinessInterceptor enhancedProxyInterceptor(@Nullable Object value) {
		return (value instanceof PersistentAttributeInterceptable interceptable
				&& interceptable.$$_hibernate_getInterceptor() instanceof EnhancementAsProxyLazinessInterceptor interceptor
				&& !interceptor.isInitialized()) ? interceptor : null;
	}

}
