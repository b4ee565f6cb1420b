package io.github.bulklazy.autoconfigure.app;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;

/** {@link SpringDataRepositorySlice} with Spring Boot 4's {@code @DataJpaTest}. */
@DataJpaTest
@Import(StatementCounting.class)
class SpringDataRepositoryTests extends SpringDataRepositorySlice {

}
