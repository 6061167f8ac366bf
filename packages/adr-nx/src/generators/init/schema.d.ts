export interface InitGeneratorSchema {
  adrDirectory?: string;
  catalogInfo?: boolean;
  owner?: string;
  techdocs?: boolean;
  eslint?: boolean;
  ciWorkflow?: boolean;
  doraWorkflow?: boolean;
  keepExistingVersions?: boolean;
  updatePackageScripts?: boolean;
  skipFormat?: boolean;
}
