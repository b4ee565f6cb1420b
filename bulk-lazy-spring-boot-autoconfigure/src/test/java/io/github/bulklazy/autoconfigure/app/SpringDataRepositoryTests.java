package io.github.bulklazy.autoconfigure.app;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

/** {@link SpringDataRepositorySlice} with Spring Boot 4's {@code @DataJpaTest}. */
@DataJpaTest
class SpringDataRepositoryTests extends SpringDataRepositorySlice {

}
