package dev.sspr.delivery;

public enum Channel { EMAIL, SMS, VOICE }
