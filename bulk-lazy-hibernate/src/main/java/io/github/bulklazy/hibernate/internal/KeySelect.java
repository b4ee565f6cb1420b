package io.github.bulklazy.hibernate.internal;

import java.util.List;

import org.hibernate.event.spi.EventSource;

/** A select of an entity by {@code column = any (?)}, built and translated once. */
public interface KeySelect {

	/** The entities whose column holds one of the keys, each once, into the session. */
	List<Object> load(List<Object> keys, EventSource session);

}
