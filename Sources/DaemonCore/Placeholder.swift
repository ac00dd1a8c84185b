public enum DaemonCorePlaceholder {}
