/**
 * A Spring MVC application that reads reservations, receives the meeting events, acts as the signed-in user and
 * streams exported spreadsheets through the Feishu VC starter, with blocking calls on virtual threads where Spring Boot
 * enables them.
 */
@NullMarked
package io.github.feishuvc.sample.mvc;

import org.jspecify.annotations.NullMarked;
