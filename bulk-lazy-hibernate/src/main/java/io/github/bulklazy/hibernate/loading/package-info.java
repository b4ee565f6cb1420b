/**
 * Loading: hears Hibernate's events, records the lazy proxies and collections of each session by
 * peer group, and loads the one being read with every waiting peer, chunk by chunk.
 */
@NullMarked
package io.github.bulklazy.hibernate.loading;

import org.jspecify.annotations.NullMarked;
