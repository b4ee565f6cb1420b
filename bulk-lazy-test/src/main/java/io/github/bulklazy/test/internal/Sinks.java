package io.github.bulklazy.test.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.bulklazy.hibernate.CallSites;
import io.github.bulklazy.hibernate.RemainingNPlusOne;

/**
 * The recordings open in the JVM, on any thread: what runs on a server thread of the application
 * under test is recorded too. With none open, a statement costs one check of an empty list.
 */
public final class Sinks {

	private static final List<Sink> open = new CopyOnWriteArrayList<>();

	private Sinks() {
	}

	public static void add(Sink sink) {
		open.add(sink);
	}

	public static void remove(Sink sink) {
		open.remove(sink);
	}

	static void statement(String sql) {
		if (!open.isEmpty()) {
			String callSite = CallSites.current();
			open.forEach((sink) -> sink.statement(sql, callSite));
		}
	}

	static void remainingNPlusOne(RemainingNPlusOne remaining) {
		open.forEach((sink) -> sink.remainingNPlusOne(remaining));
	}

}
