package de.stadtdialog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import de.stadtdialog.lottery.LotteryCommandLine;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StadtdialogApplication {

    public static void main(String[] args) {
        // the lottery's command line (lottery, draw, verify) runs without starting Spring, engine or database
        if (LotteryCommandLine.handles(args)) {
            LotteryCommandLine.main(args);
            return;
        }
        SpringApplication.run(StadtdialogApplication.class, args);
    }
}
