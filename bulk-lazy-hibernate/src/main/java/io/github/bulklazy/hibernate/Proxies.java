package io.github.bulklazy.hibernate;

import org.hibernate.bytecode.enhance.spi.interceptor.EnhancementAsProxyLazinessInterceptor;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two kinds of proxy Hibernate makes: a {@link HibernateProxy}, and a bytecode-enhanced
 * entity used as its own proxy (an enhanced entity without subclasses), which holds only its id
 * until it is read.
 */
final class Proxies {

	private Proxies() {
	}

	/** An uninitialized proxy: the entity name it was made for, and its id. */
	record Waiting(String entityName, Object id) {
	}

	/** The value as an uninitialized proxy of either kind, or {@code null}. */
	static @Nullable Waiting waiting(@Nullable Object value) {
		if (value instanceof HibernateProxy proxy) {
			LazyInitializer initializer = proxy.getHibernateLazyInitializer();
			return initializer.isUninitialized()
					? new Waiting(initializer.getEntityName(), initializer.getInternalIdentifier()) : null;
		}
		EnhancementAsProxyLazinessInterceptor interceptor = enhancedProxyInterceptor(value);
		return (interceptor != null) ? new Waiting(interceptor.getEntityName(), interceptor.getIdentifier()) : null;
	}

	/** Whether the value is an enhanced entity that is still only a proxy of itself. */
	static boolean isUninitializedEnhancedEntity(@Nullable Object value) {
		return enhancedProxyInterceptor(value) != null;
	}

	private static @Nullable EnhancementAsProxyLazinessInterceptor enhancedProxyInterceptor(@Nullable Object value) {
		return (value instanceof PersistentAttributeInterceptable interceptable
				&& interceptable.$$_hibernate_getInterceptor() instanceof EnhancementAsProxyLazinessInterceptor interceptor
				&& !interceptor.isInitialized()) ? interceptor : null;
	}

}
