public enum MapcGitPlaceholder {}
