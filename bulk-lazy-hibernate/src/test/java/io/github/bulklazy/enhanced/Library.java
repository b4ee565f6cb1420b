package io.github.bulklazy.enhanced;

import jakarta.persistence.Entity;

/** An enhanced entity without subclasses that is not its own proxy: it belongs to a hierarchy. */
@Entity
public class Library extends Building {

	protected Library() {
	}

}
