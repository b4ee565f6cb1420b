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
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/**
 * Kept in the second-level cache with its collections of members: one left to Hibernate by
 * {@code @BulkLazy(false)}, one batch-fetched by Hibernate, one bulk-loaded under a filter.
 */
@Entity
@Table(name = "bl_guild")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@FilterDef(name = Guild.NOT_NAMED, parameters = @ParamDef(name = "name", type = String.class))
public class Guild {

	/** A filter that hides the members of a name, which the second-level cache does not serve. */
	public static final String NOT_NAMED = "guildsmanNotNamed";

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

	@OneToMany(mappedBy = "guild")
	@OrderBy("id")
	@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
	@Filter(name = NOT_NAMED, condition = "name <> :name")
	private List<Guildsman> filteredMembers = new ArrayList<>();

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

	public List<Guildsman> getFilteredMembers() {
		return this.filteredMembers;
	}

}
