package io.github.bulklazy.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random values from small pools, so that data sets and programs share values, ties in
 * {@code @OrderBy} columns and targets.
 */
final class Values {

	private static final List<String> STRINGS = List.of("a", "b", "c");

	private static final List<String> WORDS = List.of("red", "green", "blue");

	private final Random random;

	Values(Random random) {
		this.random = random;
	}

	/** A short string, or sometimes {@code null}. */
	String string() {
		return chance(0.2) ? null : pick(STRINGS);
	}

	/** A small integer, or sometimes {@code null}. */
	Integer integer() {
		return chance(0.15) ? null : this.random.nextInt(4);
	}

	/** A value for a basic property of the given type. */
	Object of(Class<?> type) {
		return (type == Integer.class) ? integer() : string();
	}

	/** A collection element: a word. */
	String word() {
		return pick(WORDS);
	}

	/** Up to {@code max} words, repeats possible. */
	List<String> words(int max) {
		List<String> words = new ArrayList<>();
		int count = this.random.nextInt(max + 1);
		for (int i = 0; i < count; i++) {
			words.add(word());
		}
		return words;
	}

	/** One of the candidates with the given probability, else {@code null}. */
	<T> T pick(List<T> candidates, double probability) {
		return (candidates == null || candidates.isEmpty() || !chance(probability)) ? null : pick(candidates);
	}

	<T> T pick(List<T> candidates) {
		return candidates.get(this.random.nextInt(candidates.size()));
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

}
