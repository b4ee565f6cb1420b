package io.github.bulklazy.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A member of a {@link Guild}, kept in the second-level cache. */
@Entity
@Table(name = "bl_guildsman")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Guildsman {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private Guild guild;

	protected Guildsman() {
	}

	public Guildsman(Long id, String name, Guild guild) {
		this.id = id;
		this.name = name;
		this.guild = guild;
	}

	public String getName() {
		return this.name;
	}

}
