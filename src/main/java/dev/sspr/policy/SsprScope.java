package dev.sspr.policy;

/** Who SSPR is enabled for (R-12 step 2). */
public enum SsprScope { NONE, SELECTED, ALL }
