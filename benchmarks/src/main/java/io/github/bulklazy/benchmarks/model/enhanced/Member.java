package io.github.bulklazy.benchmarks.model.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Bytecode-enhanced by the build; its club is an enhanced proxy until read. */
@Entity(name = "BenchMember")
@Table(name = "bench_member")
public class Member {

	@Id
	Long id;

	String name;

	@ManyToOne(fetch = FetchType.LAZY)
	Club club;

	public Club getClub() {
		return this.club;
	}

}
