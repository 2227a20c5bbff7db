package io.rapport.contacts;

public enum EmailType {
    WORK, PERSONAL, OTHER
}
