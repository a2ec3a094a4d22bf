package de.stadtdialog.system;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    /** The engine's clock, so that tests moving Camunda's ClockUtil move ours too. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return new EngineClock();
    }
}
