package de.stadtdialog;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration
public class TestSupportConfiguration {

    @Bean
    @Primary
    TestMailGateway testMailGateway() {
        return new TestMailGateway();
    }
}
