package io.github.feishuvc.recipes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application as a user of the starter writes one, whose tests are the recipes of {@code docs/testing.md}: each
 * test of this package is the running version of a recipe there, and each of its other classes the code a recipe tests.
 */
@SpringBootApplication
public class RecipesApplication {

}
