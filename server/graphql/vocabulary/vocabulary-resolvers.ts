/** The controlled vocabularies and the sources: small lists, loaded whole. */
import type { Resolvers } from "../resolver-types.generated.ts";

export const vocabularyResolvers: Resolvers = {
  Query: {
    kinds: (_, __, { loaders }) => loaders.allKinds(),
    relationTypes: (_, __, { loaders }) => loaders.allRelationTypes(),
    aspects: (_, __, { loaders }) => loaders.allAspects(),
    sources: (_, __, { loaders }) => loaders.allSources(),
  },
};
