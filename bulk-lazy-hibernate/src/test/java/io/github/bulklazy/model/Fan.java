package io.github.bulklazy.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * A cached entity with an EAGER to-one: for the owners of a second-level cache region, Hibernate's
 * select-fetch initializers give each owner a proxy first and initialize the proxies after the
 * query.
 */
@Entity
@Table(name = "bl_fan")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Fan {

	@Id
	private Long id;

	@ManyToOne
	private School school;

	protected Fan() {
	}

	public Fan(Long id, School school) {
		this.id = id;
		this.school = school;
	}

	public Long getId() {
		return this.id;
	}

	public School getSchool() {
		return this.school;
	}

}
