/** Demo users and procedures for the demo profile ({@code mvn spring-boot:run}). */
package de.stadtdialog.demo;
