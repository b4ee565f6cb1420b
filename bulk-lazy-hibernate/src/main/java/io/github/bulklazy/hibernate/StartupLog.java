package io.github.bulklazy.hibernate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.internal.HibernateAccess;
import org.hibernate.dialect.Dialect;
import org.jboss.logging.Logger;

/** What the integrator logs as a session factory starts, under its own category. */
final class StartupLog {

	private static final Logger logger = Logger.getLogger(BulkLazyIntegrator.class);

	private StartupLog() {
	}

	/** Names each association left to plain Hibernate, with its reason. */
	static void fallbacks(List<Association> associations) {
		for (Association association : associations) {
			if (association.mode() == Mode.FALLBACK) {
				logger.infof("bulk-lazy: %s is loaded by plain Hibernate: %s",
						(association.kind() == Kind.REFERENCE) ? "every getReference proxy of " + association.name()
								: association.name(),
						Objects.requireNonNull(association.reason()).description());
			}
		}
	}

	/** Says which API collections load through where the dialect takes arrays, and warns on an untested line. */
	static void line(HibernateAccess access, Dialect dialect) {
		if (dialect.useArrayForMultiValuedParameters()) {
			logger.infof("bulk-lazy: Hibernate %s, collections load by one array parameter through the %s API",
					access.version(), access.line());
		}
		if (!access.isTested()) {
			logger.warnf("bulk-lazy: Hibernate %s is not a line bulk-lazy is tested on (6.6, 7.1 to 7.4): it uses the "
					+ "API of %s, and if its loaders cannot be built at start-up it stays off, leaving every "
					+ "association to plain Hibernate", access.version(), access.line());
		}
	}

	/** Says that bulk-lazy is on in a factory, and how much of it it loads. */
	static void active(BulkLazyPlan plan, HibernateAccess access) {
		Map<Mode, Long> byMode = plan.associations()
			.stream()
			.collect(Collectors.groupingBy(Association::mode, () -> new EnumMap<>(Mode.class), Collectors.counting()));
		logger.infof("bulk-lazy: active in %s on Hibernate %s: bulk-loads %d associations, leaves %d excluded and "
				+ "%d more to plain Hibernate; chunks of %d keys, peers of the %s", plan.name(), access.version(),
				byMode.getOrDefault(Mode.BULK, 0L), byMode.getOrDefault(Mode.EXCLUDED, 0L),
				byMode.getOrDefault(Mode.FALLBACK, 0L), plan.chunkSize(),
				(plan.scope() == PeerScope.QUERY) ? "same query" : "session");
	}

}
