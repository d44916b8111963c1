using Microsoft.AspNetCore.Http.Metadata;

namespace QualityWatch.Hosting;

/// <summary>Endpoint metadata: this route takes bodies up to <see cref="MaxRequestBodySize"/> bytes instead of <c>Server:MaxRequestBodyBytes</c>.</summary>
internal sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
