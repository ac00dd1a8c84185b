public enum ClientCorePlaceholder {}
