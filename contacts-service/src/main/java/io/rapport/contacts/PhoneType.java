package io.rapport.contacts;

public enum PhoneType {
    MOBILE, WORK, HOME, OTHER
}
