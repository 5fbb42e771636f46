namespace CloudConfig.Core;

/// <summary>The type of a value in an instance's parameter map.</summary>
public enum ParameterKind
{
    /// <summary>Text.</summary>
    String,

    /// <summary>A 64-bit signed integer.</summary>
    Integer,

    /// <summary>A finite double-precision number.</summary>
    Number,

    /// <summary>True or false.</summary>
    Boolean,
}
