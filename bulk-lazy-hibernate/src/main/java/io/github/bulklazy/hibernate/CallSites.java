package io.github.bulklazy.hibernate;

import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;
import java.util.List;

import org.hibernate.engine.spi.Managed;

/**
 * Finds the application's code on the stack: the first frame outside the JDK, Hibernate, Spring,
 * Jackson, Micrometer, proxies and generated classes, bytecode-enhanced entities, bulk-lazy's
 * engine and test support, and any {@link BulkLoadObserver}, the application's own included, that a
 * bulk load runs through. Used by bulk-lazy's own modules.
 */
public final class CallSites {

	private static final List<String> FRAMEWORK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
			"jakarta.", "org.hibernate.", "org.springframework.", "net.bytebuddy.", "com.fasterxml.jackson.",
			"tools.jackson.", "io.micrometer.", "io.github.bulklazy.hibernate.loading.",
			"io.github.bulklazy.hibernate.internal.", "io.github.bulklazy.micrometer.",
			"io.github.bulklazy.test.internal.");

	private static final StackWalker walker = StackWalker.getInstance(Option.RETAIN_CLASS_REFERENCE);

	private CallSites() {
	}

	/** The current call site, {@code com.acme.Report.print(Report.java:42)}, or {@code unknown}. */
	public static String current() {
		return walker.walk((frames) -> frames.filter(CallSites::isApplication)
			.findFirst()
			.map((frame) -> frame.toStackTraceElement().toString())
			.orElse("unknown"));
	}

	private static boolean isApplication(StackFrame frame) {
		String className = frame.getClassName();
		if (frame.getDeclaringClass() == CallSites.class) {
			return false;
		}
		for (String framework : FRAMEWORK_PACKAGES) {
			if (className.startsWith(framework)) {
				return false;
			}
		}
		return !className.contains("$$") && !className.contains("$HibernateProxy")
				&& !className.contains("$ByteBuddy") && !Managed.class.isAssignableFrom(frame.getDeclaringClass())
				&& !BulkLoadObserver.class.isAssignableFrom(frame.getDeclaringClass());
	}

}
