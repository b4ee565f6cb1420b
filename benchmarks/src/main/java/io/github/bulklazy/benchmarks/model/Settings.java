package io.github.bulklazy.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

@Entity(name = "BenchSettings")
@Table(name = "bench_settings")
public class Settings {

	@Id
	Long id;

	String theme;

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "account_id", unique = true)
	Account account;

	public String getTheme() {
		return this.theme;
	}

}
