package io.github.bulklazy.autoconfigure.app;

import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

/** {@link SpringDataRepositorySlice} with Spring Boot 3.5's {@code @DataJpaTest}. */
@DataJpaTest
class SpringDataRepositoryBoot3Tests extends SpringDataRepositorySlice {

}
