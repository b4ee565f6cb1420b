package io.github.bulklazy.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The inverse side of a one-to-one: Hibernate loads each account's settings by unique key, one
 * select per account, whatever the fetch type.
 */
@Entity(name = "BenchAccount")
@Table(name = "bench_account")
public class Account {

	@Id
	Long id;

	String name;

	@OneToOne(mappedBy = "account")
	Settings settings;

	public Settings getSettings() {
		return this.settings;
	}

}
