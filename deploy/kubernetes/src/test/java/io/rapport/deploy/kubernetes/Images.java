package io.rapport.deploy.kubernetes;

/** Image references. */
final class Images {

    private Images() {
    }

    /** Whether an image reference names a digest, or a tag other than {@code latest}. */
    static boolean isPinned(String image) {
        if (image == null || image.isBlank()) {
            return false;
        }
        if (image.contains("@sha256:")) {
            return true;
        }
        String last = image.substring(image.lastIndexOf('/') + 1); // a registry's host:port is not a tag
        int colon = last.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String tag = last.substring(colon + 1);
        return !tag.isBlank() && !tag.equals("latest");
    }
}
