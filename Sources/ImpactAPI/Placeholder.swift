// Placeholder until the API mapping lands.
public enum ImpactAPIPlaceholder {}
