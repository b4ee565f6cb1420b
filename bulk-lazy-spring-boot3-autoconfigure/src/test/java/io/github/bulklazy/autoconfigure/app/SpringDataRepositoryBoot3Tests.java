package io.github.bulklazy.autoconfigure.app;

import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/** {@link SpringDataRepositorySlice} with Spring Boot 3.5's {@code @DataJpaTest}. */
@DataJpaTest
@Import(StatementCounting.class)
class SpringDataRepositoryBoot3Tests extends SpringDataRepositorySlice {

}
