package io.github.bulklazy.test;

import io.github.bulklazy.test.Recording.Block;

/**
 * Entry points of the AssertJ assertions on what a block runs:
 * {@code assertThatRunning(() -> service.page()).hasAtMostStatements(3).hasNoRemainingNPlusOne()}.
 */
public final class BulkLazyAssertions {

	private BulkLazyAssertions() {
	}

	/** Assertions on what a recording holds. */
	public static RecordingAssert assertThat(Recording recording) {
		return new RecordingAssert(recording);
	}

	/**
	 * Runs the block and returns assertions on what it ran.
	 * @throws Exception what the block throws
	 */
	public static RecordingAssert assertThatRunning(Block block) throws Exception {
		return new RecordingAssert(Recording.of(block));
	}

}
