package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.jspecify.annotations.Nullable;

/**
 * Hands the {@link BulkLazyIntegrator} to Hibernate through the
 * {@code hibernate.integrator_provider} setting, keeping the integrators of a provider the
 * application set there before.
 * <p>
 * Applications without Spring name this class in that setting: its integrator then reads the
 * {@code bulk_lazy.*} Hibernate settings ({@code bulk_lazy.enabled}, {@code bulk_lazy.include},
 * {@code bulk_lazy.exclude}, {@code bulk_lazy.chunk_size}).
 */
public final class BulkLazyIntegratorProvider implements IntegratorProvider {

	private final BulkLazyIntegrator integrator;

	private final @Nullable IntegratorProvider previous;

	/** A provider whose integrator reads the {@code bulk_lazy.*} Hibernate settings. */
	public BulkLazyIntegratorProvider() {
		this(new BulkLazyIntegrator(null, new BulkLazyPlans(), null), null);
	}

	private BulkLazyIntegratorProvider(BulkLazyIntegrator integrator, @Nullable IntegratorProvider previous) {
		this.integrator = integrator;
		this.previous = previous;
	}

	/**
	 * The value to store under {@code hibernate.integrator_provider}.
	 * @param existing the value already there: {@code null}, an {@link IntegratorProvider}, its
	 * class or its class name
	 * @param integrator the integrator to add
	 * @return a provider of both, or {@code existing} if it already provides bulk-lazy
	 */
	public static IntegratorProvider including(@Nullable Object existing, BulkLazyIntegrator integrator) {
		IntegratorProvider provider = instantiate(existing);
		return (provider instanceof BulkLazyIntegratorProvider) ? provider
				: new BulkLazyIntegratorProvider(integrator, provider);
	}

	/**
	 * Like {@link #including(Object, BulkLazyIntegrator)}, but replaces the integrator of a
	 * bulk-lazy provider already there, given as an instance, its class or its class name.
	 * @param existing the value already there
	 * @param integrator the integrator to use
	 * @return a provider of the integrator and of any other provider already there
	 */
	public static IntegratorProvider replacing(@Nullable Object existing, BulkLazyIntegrator integrator) {
		IntegratorProvider provider = instantiate(existing);
		return new BulkLazyIntegratorProvider(integrator,
				(provider instanceof BulkLazyIntegratorProvider bulkLazys) ? bulkLazys.previous : provider);
	}

	@Override
	public List<Integrator> getIntegrators() {
		List<Integrator> integrators = new ArrayList<>();
		if (this.previous != null) {
			integrators.addAll(this.previous.getIntegrators());
		}
		integrators.add(this.integrator);
		return integrators;
	}

	private static @Nullable IntegratorProvider instantiate(@Nullable Object existing) {
		try {
			if (existing == null || existing instanceof IntegratorProvider) {
				return (IntegratorProvider) existing;
			}
			Class<?> type = (existing instanceof Class<?> cls) ? cls
					: Class.forName(existing.toString(), true, Thread.currentThread().getContextClassLoader());
			return (IntegratorProvider) type.getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException | ClassCastException ex) {
			throw new IllegalArgumentException("hibernate.integrator_provider '" + existing
					+ "' is not an IntegratorProvider that can be created", ex);
		}
	}

}
