package io.github.bulklazy.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/**
 * The root of a bytecode-enhanced hierarchy: Hibernate makes {@code HibernateProxy} proxies for
 * every entity of a hierarchy, enhanced or not, {@link Library} included.
 */
@Entity
@Table(name = "bl_building")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Building {

	@Id
	private Long id;

	private String name;

	protected Building() {
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
