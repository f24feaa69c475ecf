namespace Buddy.Gateway.Hosting;

/// <summary>
/// A setting that stops start-up. Its message is one sentence naming the setting; Program prints it and exits
/// non-zero instead of dumping a stack trace on an operator.
/// </summary>
public sealed class BadConfigurationException(string message) : Exception(message);
