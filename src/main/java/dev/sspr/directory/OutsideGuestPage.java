package dev.sspr.directory;

import java.io.Serializable;

/**
 * What a tenant tells a guest whose home is an organization outside the portal: its own text
 * and the address of that organization's reset, each optional (the page has words of its own).
 */
public record OutsideGuestPage(String text, String url) implements Serializable {
}
