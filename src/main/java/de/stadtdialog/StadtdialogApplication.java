package de.stadtdialog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StadtdialogApplication {

    public static void main(String[] args) {
        SpringApplication.run(StadtdialogApplication.class, args);
    }
}
