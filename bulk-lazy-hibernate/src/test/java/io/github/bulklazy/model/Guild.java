package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import io.github.bulklazy.BulkLazy;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * Kept in the second-level cache with its collections of members: one left to Hibernate by
 * {@code @BulkLazy(false)}, one batch-fetched by Hibernate.
 */
@Entity
@Table(name = "bl_guild")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Guild {

	@Id
	private Long id;

	@OneToMany(mappedBy = "guild")
	@OrderBy("id")
	@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
	@BulkLazy(false)
	private List<Guildsman> members = new ArrayList<>();

	@OneToMany(mappedBy = "guild")
	@OrderBy("id")
	@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
	@BatchSize(size = 10)
	private List<Guildsman> membersInBatches = new ArrayList<>();

	protected Guild() {
	}

	public Guild(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

	public List<Guildsman> getMembers() {
		return this.members;
	}

	public List<Guildsman> getMembersInBatches() {
		return this.membersInBatches;
	}

}
