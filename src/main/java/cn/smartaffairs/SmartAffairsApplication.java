package cn.smartaffairs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 智慧机关事务平台: one portal for a government affairs administration and the units it serves. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SmartAffairsApplication {

  public static void main(String[] args) {
    SpringApplication.run(SmartAffairsApplication.class, args);
  }
}
