package io.github.bulklazy.hibernate;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The call site of a remaining N+1 is the application's code, never an observer a bulk load runs through. */
class CallSitesTests {

	@Test
	void theCallSiteIsTheFirstFrameOfTheApplication() {
		assertThat(CallSites.current())
			.startsWith(CallSitesTests.class.getName() + ".theCallSiteIsTheFirstFrameOfTheApplication(");
	}

	@Test
	void anApplicationsOwnObserverIsNoCallSite() {
		BulkLoadObserver observer = new BulkLoadObserver() {
			@Override
			public <T> T observe(String association, int keys, Supplier<T> load) {
				return load.get();
			}
		};
		assertThat(observer.observe("Student.school", 2, CallSites::current))
			.startsWith(CallSitesTests.class.getName() + ".anApplicationsOwnObserverIsNoCallSite(");
	}

}
